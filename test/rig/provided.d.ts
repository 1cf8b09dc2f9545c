import type { RigInfo } from './rig-info';

declare module 'vitest' {
  export interface ProvidedContext {
    rig: RigInfo;
  }
}
