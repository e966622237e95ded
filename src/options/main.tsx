import { render } from 'preact';

render(<h1>KeyScope settings</h1>, document.getElementById('app')!);
