import './DevicesDialog.css';
import type { LibraryDevice, LibraryDevices } from '../../core/api.js';
import { clockAheadSentence, problemSentence, waitingSentence } from '../../core/devices-words.js';
import { useAppState } from '../kit/context.js';
import { whenWords } from '../lib/when.js';
import { ReportDialog } from './ReportDialog.js';

function DeviceItem({ device, today }: { device: LibraryDevice; today: string }) {
  return (
    <li className="device">
      <span className="device-name">
        {device.name}
        {device.thisComputer && <span className="device-this"> (this computer)</span>}
      </span>
      <span className="device-when">
        {device.lastWrote === null ? 'Has not written yet' : `Last wrote ${whenWords(device.lastWrote, today)}`}
        {device.firstWrote !== null && ` · first ${whenWords(device.firstWrote, today)}`}
      </span>
    </li>
  );
}

function DevicesBody({ listed, today }: { listed: LibraryDevices; today: string }) {
  const ahead = listed.devices.filter((device) => device.clockAheadMs !== null);
  return (
    <>
      <p className="muted">
        Every computer that wrote to this library, through the folder your sync tool keeps in step. Each writes files of
        its own; all of them read every one.
      </p>
      <ul className="device-list">
        {listed.devices.map((device) => (
          <DeviceItem key={device.id} device={device} today={today} />
        ))}
      </ul>
      {(ahead.length > 0 || listed.waiting > 0) && (
        <div className="device-notes">
          {ahead.map((device) => (
            <p key={device.id}>{clockAheadSentence(device.name, device.clockAheadMs ?? 0)}</p>
          ))}
          {listed.waiting > 0 && <p>{waitingSentence(listed.waiting)}</p>}
        </div>
      )}
      {listed.problems.length > 0 && (
        <section className="device-problems" aria-labelledby="device-problems-heading">
          <h3 id="device-problems-heading">Files that cannot be read (yet)</h3>
          <ul>
            {listed.problems.map((problem, index) => (
              <li key={index}>{problemSentence(problem)}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** Who wrote to the library and when (`shelfmark devices`): as the library says, once it has. */
export function DevicesDialog({
  devices,
  failed,
  onClose,
}: {
  devices: LibraryDevices | null;
  failed: string | undefined;
  onClose: () => void;
}) {
  const today = useAppState((state) => state.today);
  return (
    <ReportDialog title="Devices" onClose={onClose}>
      {failed !== undefined ? (
        <p className="form-error">Couldn’t list the devices: {failed}</p>
      ) : devices === null ? (
        <p className="muted" role="status">
          Reading the library’s folder…
        </p>
      ) : (
        <DevicesBody listed={devices} today={today} />
      )}
    </ReportDialog>
  );
}
