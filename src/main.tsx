import { render } from 'solid-js/web';
import { App } from './ui/App';
import { recoverSweeps } from './store';
import { db, startStore } from './ui/state/db';
import { recoverUnsavedDrafts } from './ui/state/draft';
import { reportInterruptedSolve } from './ui/state/solve';
import { registerOffline, warmUp } from './ui/state/offline';
import './ui/shell/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// after a closed tab or a reload: typed drafts the database did not get, a solve the reload cut short, sweeps it left 'running'
void startStore().then(() => Promise.all([recoverUnsavedDrafts(), reportInterruptedSolve(), recoverSweeps(db())])).catch((e: unknown) => console.error(e));
render(() => <App />, root);
// the offline copy (every file of the build, ECharts and the Word writer included) is fetched once the page has loaded, not beside its first paint
if (document.readyState === 'complete') registerOffline();
else window.addEventListener('load', registerOffline, { once: true });
warmUp();
