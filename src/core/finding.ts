import type { Finding } from './types';

/** Builds a finding; it blocks "Ready to create" unless it is `info`, or says otherwise. */
export function finding(fields: Omit<Finding, 'blocking'> & { blocking?: boolean }): Finding {
  return { ...fields, blocking: fields.blocking ?? fields.severity !== 'info' };
}
