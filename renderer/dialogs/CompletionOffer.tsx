import './IntakeDialogs.css';
import { useAppState, useController } from '../kit/context.js';
import { plural } from '../lib/status.js';

/** In an import's report: the papers it left without authors (a page's text gives none), to complete from arXiv. */
export function CompletionOffer({ ids }: { ids: readonly string[] }) {
  const controller = useController();
  const running = useAppState((state) => state.task !== null);
  const one = ids.length === 1;
  return (
    <div className="intake-offer">
      <p>
        {plural(ids.length, 'paper')} {one ? 'has' : 'have'} no authors: complete {one ? 'it' : 'them'} from arXiv?
      </p>
      <button
        type="button"
        className="button is-small"
        disabled={running}
        onClick={() => void controller.completePapers(ids)}
      >
        Complete from arXiv
      </button>
    </div>
  );
}
