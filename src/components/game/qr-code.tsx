'use client';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * A QR code drawn in the browser (no network), as an image with the URL as its text alternative.
 * `className` sizes it (the projector scales it with the screen); the bitmap is drawn at `size`×2.
 */
export function QrCode({ text, size = 240, className }: { text: string; size?: number; className?: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { margin: 1, width: size * 2, errorCorrectionLevel: 'M' })
      .then((url) => live && setSrc(url))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [text, size]);
  return (
    <div className={`aspect-square shrink-0 rounded-xl bg-white p-2 ${className ?? 'w-[256px]'}`}>
      {src && (
        // eslint-disable-next-line @next/next/no-img-element -- a data URL; next/image adds nothing here
        <img src={src} className="h-full w-full" width={size} height={size} alt={`QR code for ${text}`} data-testid="join-qr" />
      )}
    </div>
  );
}
