/// <reference types="vite/client" />
import type { PonteApi } from '@shared/contract';

declare global {
  interface Window {
    /** Present in the desktop app (exposed by the preload); absent in the browser preview. */
    ponte?: PonteApi;
  }
}
