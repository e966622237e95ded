import type { Rule } from '../types';
import { broadIp } from './broad-ip';
import { excessScope } from './excess-scope';
import { invalidIp } from './invalid-ip';
import { ipFieldUnreadable } from './ip-field-unreadable';
import { keyType } from './key-type';
import { missingIp } from './missing-ip';
import { noKeyNeeded } from './no-key-needed';
import { noRotation } from './no-rotation';
import { permissionUnknown } from './permission-unknown';
import { permissionUnreadable } from './permission-unreadable';
import { policyIpBinding } from './policy-ip-binding';
import { policyRotation } from './policy-rotation';
import { policyWithdraw } from './policy-withdraw';
import { privateIp } from './private-ip';
import { purposeUnset } from './purpose-unset';
import { readCapped } from './read-capped';
import { rotationAfterDeadline } from './rotation-after-deadline';
import { tooManyIps } from './too-many-ips';
import { unboundExpiry } from './unbound-expiry';
import { withdrawEnabled } from './withdraw-enabled';

/** Every rule, registered here by hand; a test fails when a file in this folder is missing from the list. */
export const RULES: readonly Rule[] = [
  purposeUnset,
  noKeyNeeded,
  withdrawEnabled,
  excessScope,
  permissionUnreadable,
  permissionUnknown,
  readCapped,
  ipFieldUnreadable,
  missingIp,
  invalidIp,
  privateIp,
  broadIp,
  tooManyIps,
  unboundExpiry,
  keyType,
  noRotation,
  rotationAfterDeadline,
  policyWithdraw,
  policyIpBinding,
  policyRotation,
];
