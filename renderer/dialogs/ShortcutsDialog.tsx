import './ShortcutsDialog.css';
import { Fragment } from 'react';
import { shortcutGroups } from '../lib/keyboard.js';
import { Dialog } from './Dialog.js';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} wide readOnly>
      <div className="shortcut-groups">
        {shortcutGroups(isMac).map((group) => (
          <section key={group.title} className="shortcut-group">
            <h3 className="shortcut-group-title">{group.title}</h3>
            <dl className="shortcut-list">
              {group.shortcuts.map((shortcut) => (
                <div key={shortcut.description} className="shortcut">
                  <dt>
                    {shortcut.keys.map((combo, position) => (
                      <Fragment key={position}>
                        {position > 0 && <span className="shortcut-or">or</span>}
                        {combo.map((key) => (
                          <kbd key={key}>{key}</kbd>
                        ))}
                      </Fragment>
                    ))}
                  </dt>
                  <dd>{shortcut.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <section className="shortcut-group">
          <h3 className="shortcut-group-title">Search</h3>
          <dl className="shortcut-list">
            <div className="shortcut">
              <dt>
                <code>tag:name</code>
              </dt>
              <dd>Papers with that tag</dd>
            </div>
            <div className="shortcut">
              <dt>
                <code>is:unread</code>
              </dt>
              <dd>
                Papers by status: <code>is:reading</code>, <code>is:read</code>, <code>is:snoozed</code>,{' '}
                <code>is:dismissed</code>
              </dd>
            </div>
            <div className="shortcut">
              <dt>
                <code>words</code>
              </dt>
              <dd>Titles, authors, abstracts, tags and notes — typos are forgiven</dd>
            </div>
          </dl>
        </section>
      </div>
      <p className="dialog-note">Shortcuts stand aside while you type in a field; Esc leaves the field.</p>
    </Dialog>
  );
}
