/**
 * The Settings dialog (command 'settings', Mod+, and the toolbar's Settings
 * button): theme (System, Light, Dark), reading font (each shown in its own
 * face), text size, line height and column width. Each change shows at once
 * in the transcript behind the dialog, which is the preview: the dialog sits
 * at the side and does not dim the page. "Reset to defaults" puts the reading
 * settings back. Escape or Close closes it, and the focus goes back where it
 * was.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { commandKeys, describeKey } from '../../../shared/commands';
import { DEFAULT_UI_SETTINGS, UI_SETTINGS_LIMITS, type ReadingFont, type ThemeChoice } from '../../../shared/model';
import { keyMatches, runCommand } from '../commands/command-registry';
import { useCommand } from '../commands/use-command';
import { IS_MAC } from '../keyboard';
import { changeUiSettings, resetReadingSettings, useUiSettings } from '../state/ui-settings';
import { READING_FONT_STACKS } from '../theme/appearance';
import './SettingsDialog.css';

const THEME_NAMES: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };
const FONT_NAMES: Record<ReadingFont, { name: string; face: string }> = {
  serif: { name: 'Serif', face: 'Literata' },
  sans: { name: 'Sans serif', face: 'Atkinson Hyperlegible' },
};

/** The keys that open the dialog, as this platform writes them ("Ctrl+,"). */
export const SETTINGS_KEYS = commandKeys('settings', IS_MAC)
  .map((k) => describeKey(k, IS_MAC))
  .join(' or ');

function Choice<T extends string>({ name, legend, value, options, label, onChange }: { name: string; legend: string; value: T; options: readonly T[]; label: (option: T) => ReactNode; onChange: (value: T) => void }) {
  return (
    <fieldset className="settings-dialog__group">
      <legend className="settings-dialog__legend">{legend}</legend>
      <div className="settings-dialog__choices">
        {options.map((option) => (
          <label key={option} className={`settings-dialog__choice${value === option ? ' is-chosen' : ''}`}>
            <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
            {label(option)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Slider({ label, value, min, max, step, unit, onChange }: { label: string; value: number; min: number; max: number; step: number; unit: (value: number) => string; onChange: (value: number) => void }) {
  const id = useId();
  const shown = unit(value);
  return (
    <div className="settings-dialog__slider">
      <label htmlFor={id} className="settings-dialog__legend">
        {label}
      </label>
      <input id={id} type="range" min={min} max={max} step={step} value={value} aria-valuetext={shown} onChange={(e) => onChange(Number(e.target.value))} />
      <output htmlFor={id} className="settings-dialog__value">
        {shown}
      </output>
    </div>
  );
}

export function SettingsDialog() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const theme = useUiSettings((s) => s.theme);
  const font = useUiSettings((s) => s.font);
  const textSize = useUiSettings((s) => s.textSize);
  const lineHeight = useUiSettings((s) => s.lineHeight);
  const columnWidth = useUiSettings((s) => s.columnWidth);
  const atDefaults =
    theme === DEFAULT_UI_SETTINGS.theme &&
    font === DEFAULT_UI_SETTINGS.font &&
    textSize === DEFAULT_UI_SETTINGS.textSize &&
    lineHeight === DEFAULT_UI_SETTINGS.lineHeight &&
    columnWidth === DEFAULT_UI_SETTINGS.columnWidth;

  useCommand('settings', () => setOpen((was) => !was));

  useEffect(() => {
    if (!open) return;
    const dialog = ref.current;
    // The focus goes back where it was when the dialog opened, if that is still there.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLInputElement>('input[name="settings-theme"]:checked')?.focus();
    return () => {
      dialog?.close();
      if (before?.isConnected) before.focus({ preventScroll: true });
      else document.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
    };
  }, [open]);

  if (!open) return null;
  const limits = UI_SETTINGS_LIMITS;
  return (
    <dialog
      ref={ref}
      className="settings-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        setOpen(false);
      }}
      // The reader's own keys (Delete, Alt+1…) must not act on the page behind while a control here has the focus.
      onKeyDown={(e) => {
        if (e.key !== 'Escape' && !keyMatches(e.nativeEvent, 'settings')) e.stopPropagation();
      }}
    >
      <div className="settings-dialog__body">
        <h2 id={titleId} className="settings-dialog__title">
          Settings
        </h2>
        <p className="settings-dialog__hint">Changes show in the text behind this dialog at once and are remembered.</p>
        <Choice name="settings-theme" legend="Theme" value={theme} options={['system', 'light', 'dark'] as const} label={(t) => THEME_NAMES[t]} onChange={(t) => changeUiSettings({ theme: t })} />
        <Choice
          name="settings-font"
          legend="Reading font"
          value={font}
          options={['serif', 'sans'] as const}
          label={(f) => (
            <span style={{ fontFamily: READING_FONT_STACKS[f] }} className="settings-dialog__font">
              {FONT_NAMES[f].name} <span className="settings-dialog__face">{FONT_NAMES[f].face}</span>
            </span>
          )}
          onChange={(f) => changeUiSettings({ font: f })}
        />
        <Slider label="Text size" value={textSize} {...limits.textSize} step={1} unit={(v) => `${v} px`} onChange={(v) => changeUiSettings({ textSize: v })} />
        <Slider label="Line height" value={lineHeight} {...limits.lineHeight} step={0.1} unit={(v) => `${v.toFixed(1)} × text size`} onChange={(v) => changeUiSettings({ lineHeight: Math.round(v * 10) / 10 })} />
        <Slider label="Column width" value={columnWidth} {...limits.columnWidth} step={2} unit={(v) => `${v} characters`} onChange={(v) => changeUiSettings({ columnWidth: v })} />
        <div className="settings-dialog__actions">
          <button type="button" className="button" onClick={() => resetReadingSettings()} disabled={atDefaults}>
            Reset to defaults
          </button>
          <button type="button" className="button button--primary" onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}

/** The toolbars' button that opens the dialog (through the command, as the menu and the keys do). */
export function SettingsButton() {
  return (
    <button type="button" className="button" onClick={() => runCommand('settings')} title={`Theme, reading font, text size, line height and column width (${SETTINGS_KEYS})`}>
      Settings
    </button>
  );
}
