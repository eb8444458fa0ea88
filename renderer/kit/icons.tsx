/** A few line icons, drawn inline so the app needs no image files. Decorative: always aria-hidden. */

import type { ReactNode } from 'react';

function Icon({ children, size = 16 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const SearchIcon = () => (
  <Icon>
    <circle cx="11" cy="11" r="6.5" />
    <path d="m20 20-4.2-4.2" />
  </Icon>
);
export const ImportIcon = () => (
  <Icon>
    <path d="M12 4v11m0 0-4-4m4 4 4-4" />
    <path d="M5 15v3a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-3" />
  </Icon>
);
export const ExportIcon = () => (
  <Icon>
    <path d="M12 15V4m0 0L8 8m4-4 4 4" />
    <path d="M5 15v3a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-3" />
  </Icon>
);
export const KeyboardIcon = ({ size }: { size?: number }) => (
  <Icon size={size ?? 16}>
    <rect x="3" y="6" width="18" height="12" rx="2" />
    <path d="M7 10h.01M11 10h.01M15 10h.01M7 14h10" />
  </Icon>
);
export const PencilIcon = ({ size }: { size?: number }) => (
  <Icon size={size ?? 14}>
    <path d="M15.5 4.5 19.5 8.5 8 20H4v-4z" />
  </Icon>
);
export const CloseIcon = ({ size }: { size?: number }) => (
  <Icon size={size ?? 14}>
    <path d="M6 6l12 12M18 6 6 18" />
  </Icon>
);
export const ExternalIcon = () => (
  <Icon size={13}>
    <path d="M14 4h6v6M20 4l-9 9" />
    <path d="M18 14v4a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h4" />
  </Icon>
);
export const LibraryIcon = () => (
  <Icon>
    <path d="M4 5v14M8 5v14" />
    <path d="m12.5 5.5 3.8-1 3.7 14.5-3.8 1z" />
  </Icon>
);
export const InboxIcon = () => (
  <Icon>
    <path d="M3 13h5l1.5 3h5l1.5-3h5" />
    <path d="M5.5 5h13L21 13v5a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-5z" />
  </Icon>
);
export const BookOpenIcon = () => (
  <Icon>
    <path d="M3 5.5C5.5 4.5 9 4.5 12 6.5c3-2 6.5-2 9-1V19c-2.5-1-6-1-9 1-3-2-6.5-2-9-1z" />
    <path d="M12 6.5V20" />
  </Icon>
);
export const CheckCircleIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="8.5" />
    <path d="m8.5 12.2 2.4 2.4 4.8-5" />
  </Icon>
);
export const DigestIcon = () => (
  <Icon>
    <rect x="4" y="3.5" width="16" height="17" rx="2" />
    <path d="M8 8h8M8 12h8M8 16h5" />
  </Icon>
);
export const NoteIcon = () => (
  <Icon size={13}>
    <path d="M5 4h10l4 4v12H5z" />
    <path d="M9 12h6M9 16h4" />
  </Icon>
);
/** A note with two versions: written on two computers at once. */
export const NoteConflictIcon = ({ size = 13 }: { size?: number }) => (
  <Icon size={size}>
    <path d="M4 5h8l3 3v11H4z" />
    <path d="M15 4h2l3 3v8" />
    <path d="M7.5 12h4M7.5 15.5h3" />
  </Icon>
);
/** Computers that write to one library. */
export const DevicesIcon = () => (
  <Icon>
    <rect x="3" y="4.5" width="13" height="9.5" rx="1.5" />
    <path d="M1.5 17.5h16" />
    <rect x="18" y="8" width="4.5" height="10" rx="1" />
  </Icon>
);
export const UpvoteIcon = () => (
  <Icon size={12}>
    <path d="M12 5 4.5 17h15z" />
  </Icon>
);
export const MenuIcon = () => (
  <Icon>
    <path d="M4 7h16M4 12h16M4 17h16" />
  </Icon>
);
export const BackIcon = () => (
  <Icon>
    <path d="M19 12H5m0 0 6-6m-6 6 6 6" />
  </Icon>
);
export const DuplicatesIcon = () => (
  <Icon>
    <rect x="8" y="8" width="12" height="12" rx="2" />
    <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" />
  </Icon>
);
export const MergeIcon = () => (
  <Icon>
    <path d="M6 4v4a6 6 0 0 0 6 6h0a6 6 0 0 1 6 6" />
    <path d="M18 4v4a6 6 0 0 1-6 6" />
    <path d="m9 17 3 3 3-3M12 14v6" />
  </Icon>
);
export const PlusIcon = () => (
  <Icon>
    <path d="M12 5v14M5 12h14" />
  </Icon>
);
export const ClockIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M12 7.5V12l3 2" />
  </Icon>
);
export const DismissIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="8.5" />
    <path d="m9 9 6 6m0-6-6 6" />
  </Icon>
);
export const ChevronIcon = () => (
  <Icon size={12}>
    <path d="m9 6 6 6-6 6" />
  </Icon>
);
export const SyncIcon = () => (
  <Icon>
    <path d="M19.5 9A8 8 0 0 0 5 7.5M4.5 15A8 8 0 0 0 19 16.5" />
    <path d="M19.5 4v5h-5M4.5 20v-5h5" />
  </Icon>
);
/** Up next: papers in an order, the best at the top. */
export const UpNextIcon = () => (
  <Icon>
    <path d="M4 6h9M4 12h7M4 18h5" />
    <path d="M18 19V6m0 0-3 3m3-3 3 3" />
  </Icon>
);
/** More like this: a paper and its neighbours. */
export const SimilarIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="3.5" />
    <circle cx="17" cy="9.5" r="2.5" />
    <circle cx="10.5" cy="17" r="2.5" />
    <path d="m11 9.2 3.6.6M9.3 11.3l.7 3.2" />
  </Icon>
);
