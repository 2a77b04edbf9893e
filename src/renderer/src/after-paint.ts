/**
 * Scheduling work behind the next frame: what the reader is waiting to see
 * (a new mark) is painted first, and what can wait a frame (opening the new
 * highlight's note) comes straight after.
 */

/** Runs `task` in a task of its own just after the browser has painted its next frame. */
export function afterNextPaint(task: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      task();
    };
    channel.port2.postMessage(null);
  });
}
