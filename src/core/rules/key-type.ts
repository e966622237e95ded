import { finding } from '../finding';
import { text } from '../text';
import type { KeyType, Rule } from '../types';

const NAMES: Record<KeyType, string> = { ed25519: 'Ed25519', hmac: 'HMAC', rsa: 'RSA', ecdsa: 'ECDSA' };

/** A key type the exchange itself advises against, e.g. Binance marks HMAC keys "not recommended". */
export const keyType: Rule = {
  id: 'exchange.key-type',
  evaluate: ({ snapshot, context }) => {
    const chosen = snapshot.keyType;
    if (!chosen || !context.rules.discouragedKeyTypes?.includes(chosen)) return undefined;
    const name = NAMES[chosen];
    const better = context.rules.recommendedKeyType;
    const why = [
      text('key_type_why', context.exchangeName, name),
      ...(chosen === 'hmac' ? [text('key_type_why_hmac')] : []),
    ];
    return finding({
      id: 'exchange.key-type',
      severity: 'low',
      step: 'scope',
      title: text('key_type_title', context.exchangeName, name),
      why,
      fix: text('key_type_fix', better ? NAMES[better] : text('key_type_another'), name),
    });
  },
};
