/**
 * The toolbar's button that shows or hides the side panel (beside the
 * transcript, or over it in a narrow window), with the command's key.
 */
import { commandKeys, describeKey } from '../../../shared/commands';
import { IS_MAC } from '../keyboard';
import { isSidePanelShown, toggleSidePanel, useSidePanelLayout } from '../state/side-panel-layout';

export function SidePanelToggle() {
  const shown = isSidePanelShown(useSidePanelLayout());
  const key = commandKeys('toggle-side-panel', IS_MAC)[0];
  return (
    <button
      type="button"
      className="button side-panel-toggle"
      aria-expanded={shown}
      aria-controls="side-panel"
      aria-keyshortcuts={key?.replace('Mod', IS_MAC ? 'Meta' : 'Control')}
      title={`${shown ? 'Hide' : 'Show'} the side panel: highlights and notebook${key ? ` (${describeKey(key, IS_MAC)})` : ''}`}
      aria-label="Side panel"
      onClick={toggleSidePanel}
    >
      {/* Short, so that the toolbar keeps to one row at 1280 px; aria-expanded says whether it is shown. */}
      Panel
    </button>
  );
}
