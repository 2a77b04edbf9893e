/** Starts a benchmark run with no figures from an earlier one. */
import { resetFigures } from './results';

export default function setup(): void {
  resetFigures();
}
