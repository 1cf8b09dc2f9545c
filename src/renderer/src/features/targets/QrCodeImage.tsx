import type { QrCode } from '@shared/targets';

interface Props {
  code: QrCode;
  /** What the code holds, for screen readers. */
  label: string;
}

const QUIET_ZONE = 4;

/** A QR code drawn as SVG from its modules: one path, dark on white with the quiet zone scanners need. */
export function QrCodeImage({ code, label }: Props) {
  const side = code.size + 2 * QUIET_ZONE;
  const path = code.modules
    .flatMap((dark, index) =>
      dark
        ? [`M${(index % code.size) + QUIET_ZONE} ${Math.floor(index / code.size) + QUIET_ZONE}h1v1h-1z`]
        : [],
    )
    .join('');
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${side} ${side}`}
      width={side * 6}
      height={side * 6}
      shapeRendering="crispEdges"
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
