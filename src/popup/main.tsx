import { render } from 'preact';
import '../ui/base.css';
import '../ui/theme.css';
import '../ui/page.css';
import './popup.css';
import { Popup } from './Popup';
import { connectPopupData } from './popup-data';

render(<Popup data={connectPopupData()} />, document.getElementById('app')!);
