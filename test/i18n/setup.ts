import { installI18n } from './messages';

// Unit and DOM tests run outside a browser: the extension's words come from the real English file, through the same
// `browser.i18n.getMessage` the extension calls, so tests assert the English a user reads.
installI18n('en');
