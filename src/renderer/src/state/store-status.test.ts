import { expect, test } from 'vitest';
import type { StoreNotice } from '../../../shared/model';
import { StoreStatus } from './store-status';

const restored: StoreNotice = {
  kind: 'restored',
  message: 'The data file /data/documents/a/annotations.json was damaged (it is not valid JSON). It was moved to /data/documents/a/annotations.json.damaged-1.',
  documentId: 'a',
  path: '/data/documents/a/annotations.json.damaged-1',
  at: '2026-01-01T00:00:00.000Z',
};
const recovered: StoreNotice = { kind: 'recovered', message: 'The library index was rebuilt.', at: '2026-01-01T00:00:01.000Z' };

test('notices the reader dismissed stay dismissed though main lists them again; new ones still show', () => {
  const status = new StoreStatus();
  status.apply({ dataDir: '/data', readOnly: null, notices: [restored] });
  status.dismiss(status.getState().notices);
  status.apply({ dataDir: '/data', readOnly: null, notices: [restored] });
  expect(status.getState().notices).toEqual([]);
  status.apply({ dataDir: '/data', readOnly: null, notices: [restored, recovered] });
  expect(status.getState().notices).toEqual([recovered]);
});

test('the same status again tells no one: nothing re-renders', () => {
  const status = new StoreStatus();
  let heard = 0;
  status.subscribe(() => heard++);
  status.apply({ dataDir: '/data', readOnly: null, notices: [restored] });
  const before = status.getState();
  status.apply({ dataDir: '/data', readOnly: null, notices: [{ ...restored }] });
  expect(heard).toBe(1);
  expect(status.getState()).toBe(before);
  status.apply({ dataDir: '/data', readOnly: 'The library at /data is read-only.', notices: [restored] });
  expect(heard).toBe(2);
  expect(status.getState().readOnly).toBe('The library at /data is read-only.');
});
