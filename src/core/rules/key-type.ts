import { finding } from '../finding';
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
    const shared = chosen === 'hmac'
      ? ' An HMAC key is one shared secret that the exchange holds as well as you; with a key pair you keep the private half and the exchange stores only the public one.'
      : '';
    return finding({
      id: 'exchange.key-type',
      severity: 'low',
      step: 'scope',
      title: `${context.exchangeName} advises against ${name} keys`,
      why: `${context.exchangeName} marks ${name} as not recommended.${shared}`,
      fix: `Choose ${better ? NAMES[better] : 'another key type'}, unless the tool that will use this key accepts only ${name}.`,
    });
  },
};
