/**
 * An image that, when the record is marked sensitive, stays hidden behind a <details> the reader
 * opens to see it: no JavaScript needed, and the file is not even requested before that (images
 * inside a closed <details> with loading="lazy" are deferred).
 */
export function SensitiveImage({ src, alt, sensitive, label, className = 'max-h-80 w-auto rounded' }: { src: string; alt: string; sensitive: boolean; label: string; className?: string }) {
  // eslint-disable-next-line @next/next/no-img-element -- stripped files from our own media route; no optimizer
  const img = <img src={src} alt={alt} loading="lazy" decoding="async" className={className} />;
  if (!sensitive) return img;
  return (
    <details className="rounded border border-line p-2">
      <summary className="cursor-pointer">{label}</summary>
      <div className="mt-2">{img}</div>
    </details>
  );
}
