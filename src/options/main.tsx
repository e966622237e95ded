import { render } from 'preact';
import '../ui/base.css';
import '../ui/page.css';
import './options.css';
import { connectOptionsData } from './options-data';
import { t, uiLanguage } from '../i18n';
import { Options } from './Options';

document.documentElement.lang = uiLanguage();
document.title = t('options_title');
render(<Options data={connectOptionsData()} />, document.getElementById('app')!);
