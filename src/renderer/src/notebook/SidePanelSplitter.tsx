/**
 * The side panel's left edge, to resize it: dragged with the pointer, or
 * focused and moved with the arrow keys (Shift for larger steps), Home and
 * End for the narrowest and widest, Enter or a double click for the default
 * width. A WAI-ARIA window splitter whose value is the panel's width.
 */
import { useEffect, useReducer, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { DEFAULT_PANEL_WIDTH, panelWidthRange, setSidePanelWidth } from '../state/side-panel-layout';
import { useUiSettings } from '../state/ui-settings';

const STEP = 16;
const BIG_STEP = 64;

export function SidePanelSplitter() {
  const width = useUiSettings((s) => s.sidePanelWidth);
  // The widest the panel can be depends on the window's width: read again when the window is resized.
  const [, windowResized] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    window.addEventListener('resize', windowResized);
    return () => window.removeEventListener('resize', windowResized);
  }, []);
  const range = panelWidthRange();
  const shown = Math.min(Math.max(width, range.min), range.max);
  const dragging = useRef<{ pointerId: number; right: number } | null>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    let next: number | null = null;
    // The panel is on the right: moving its edge left widens it.
    if (event.key === 'ArrowLeft') next = shown + step;
    else if (event.key === 'ArrowRight') next = shown - step;
    else if (event.key === 'Home') next = range.min;
    else if (event.key === 'End') next = range.max;
    else if (event.key === 'Enter') next = DEFAULT_PANEL_WIDTH;
    if (next === null) return;
    event.preventDefault();
    setSidePanelWidth(Math.min(Math.max(next, range.min), range.max));
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    // No text is selected while dragging, and the moves keep coming when the pointer leaves the edge.
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus({ preventScroll: true });
    const panel = event.currentTarget.parentElement?.getBoundingClientRect();
    dragging.current = { pointerId: event.pointerId, right: panel?.right ?? window.innerWidth };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const drag = dragging.current;
    if (!drag || drag.pointerId !== event.pointerId) return;
    const { min, max } = panelWidthRange();
    setSidePanelWidth(Math.min(Math.max(drag.right - event.clientX, min), max));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (dragging.current?.pointerId !== event.pointerId) return;
    dragging.current = null;
  };

  return (
    <div
      className="side-panel-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the side panel"
      aria-controls="side-panel"
      aria-valuenow={shown}
      aria-valuemin={range.min}
      aria-valuemax={range.max}
      aria-valuetext={`${shown} pixels wide`}
      tabIndex={0}
      title="Drag to resize the side panel; double-click for its usual width"
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => setSidePanelWidth(DEFAULT_PANEL_WIDTH)}
    />
  );
}
