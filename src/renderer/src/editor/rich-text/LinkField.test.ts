import { describe, expect, test } from 'vitest';
import { linkAddressOf } from './LinkField';

describe('linkAddressOf', () => {
  test.each([
    ['https://example.com/a?b=c', 'https://example.com/a?b=c'],
    ['  example.com  ', 'https://example.com'],
    ['ann@example.com', 'mailto:ann@example.com'],
    ['mailto:ann@example.com', 'mailto:ann@example.com'],
  ])('takes %j as the address %j', (typed, address) => {
    expect(linkAddressOf(typed)).toBe(address);
  });

  test.each(['', '   ', 'javascript:alert(1)', 'file:///etc/passwd', 'https://exa mple.com'])('refuses %j', (typed) => {
    expect(linkAddressOf(typed)).toBeNull();
  });
});
