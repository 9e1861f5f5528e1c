import { render } from 'solid-js/web';
import { App } from './ui/App';
import { lang } from './ui/i18n';
import { startStore } from './ui/state/db';
import { registerOffline, warmUp } from './ui/state/offline';
import './ui/shell/app.css';

document.documentElement.lang = lang() === 'zh' ? 'zh-CN' : 'en';
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
void startStore();
render(() => <App />, root);
registerOffline();
warmUp();
