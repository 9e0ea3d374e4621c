'use client';
import { useLayoutEffect, useRef } from 'react';

const MIN_FIT = 0.4;

/**
 * The area under the projector's header. It never scrolls: when its content (a long exam prompt,
 * four long options) would overflow, `--fit` steps down and every projector size (pj-* utilities)
 * shrinks together, so text gets smaller before anything is cut off. Measured again whenever the
 * screen or the content changes.
 */
export function ProjectorFrame({ children, className = '', label }: { children: React.ReactNode; className?: string; label?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    const fit = () => {
      // why: set on the element through the CSSOM (not a style attribute), which a strict CSP allows.
      let scale = 1;
      el.style.setProperty('--fit', '1');
      while (scale > MIN_FIT && (el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth)) {
        scale = Math.round((scale - 0.04) * 100) / 100;
        el.style.setProperty('--fit', String(scale));
      }
      el.dataset.fit = String(scale);
    };
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(fit);
    };
    fit();
    const resize = new ResizeObserver(schedule);
    resize.observe(el);
    // why: a new question or a player joining changes the content without resizing the frame.
    const mutation = new MutationObserver(schedule);
    mutation.observe(el, { childList: true, subtree: true, characterData: true });
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      mutation.disconnect();
    };
  }, []);
  return (
    <div ref={ref} className={`relative flex min-h-0 flex-1 flex-col overflow-hidden ${className}`} data-testid="projector-frame" aria-label={label}>
      {children}
    </div>
  );
}
