import { render } from 'preact';
import '../ui/base.css';
import '../ui/page.css';
import './options.css';
import { connectOptionsData } from './options-data';
import { Options } from './Options';

render(<Options data={connectOptionsData()} />, document.getElementById('app')!);
