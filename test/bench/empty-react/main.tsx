import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// The benchmark's baseline: an empty page of the renderer's stack (React 19, built by Vite, minified), so
// first-paint.bench-run.ts compares Ponte's first screen with what the stack itself costs.
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <p>Ponte</p>
    </StrictMode>,
  );
}
