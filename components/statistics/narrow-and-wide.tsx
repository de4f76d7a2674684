// A chart drawn twice, for a phone's width and for wider screens, with CSS showing the one that
// fits: an SVG scales with its box, so one drawing 640 units wide would shrink its 12–13 px text to
// 7 px on a 390 px phone. Each drawing gets its own id (their titles name them).
import type { ReactNode } from 'react';

export function NarrowAndWide({ draw }: { draw: (width: number, idSuffix: string) => ReactNode }) {
  return (
    <>
      <div className="sm:hidden">{draw(360, '-narrow')}</div>
      <div className="hidden sm:block">{draw(640, '')}</div>
    </>
  );
}
