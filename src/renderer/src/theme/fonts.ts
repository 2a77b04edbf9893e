/**
 * The reading fonts, bundled with the app (no network fonts): Literata for
 * the serif and Atkinson Hyperlegible for the sans serif, each in regular,
 * italic, bold and bold italic. Vite copies the font files beside the app's
 * own, so the page loads them from its own origin (font-src 'self').
 */
import '@fontsource/literata/400.css';
import '@fontsource/literata/400-italic.css';
import '@fontsource/literata/700.css';
import '@fontsource/literata/700-italic.css';
import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/400-italic.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import '@fontsource/atkinson-hyperlegible/700-italic.css';
