import { render } from 'preact';
import '../ui/base.css';
import '../ui/theme.css';
import '../ui/page.css';
import './popup.css';
import { uiLanguage } from '../i18n';
import { Popup } from './Popup';
import { connectPopupData } from './popup-data';

document.documentElement.lang = uiLanguage();
render(<Popup data={connectPopupData()} />, document.getElementById('app')!);
