import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, InlineAlert } from 'suomifi-ui-components';
import type { LocalizedText } from '../../../../shared/common';
import { type RoomView, roomPatch } from '../../../../shared/directory';
import { adminError } from '../common/adminError';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { localized } from '../common/format';
import { LocalizedTextFields } from '../common/LocalizedTextFields';
import { invalidPaths } from '../common/validation';
import { TerminalsSection } from './TerminalsSection';
import { useUpdateRoom } from './useServicePointMutations';

/** A room: rename it, take it out of use (or back), and manage its terminals. */
export function RoomCard({ room }: { room: RoomView }) {
  const { t, i18n } = useTranslation('admin');
  const id = useId();
  const update = useUpdateRoom(room.id);
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState<LocalizedText>(room.name);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const roomName = localized(room.name, i18n.language);
  return (
    <article className="admin-room" aria-labelledby={`${id}-h`}>
      <Heading variant="h3" id={`${id}-h`} mb="s">
        {roomName}
        {!room.active && ` (${t('status.inactive')})`}
      </Heading>
      {renaming ? (
        <form
          className="admin-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const parsed = roomPatch.safeParse({ name });
            setInvalid(invalidPaths(parsed));
            if (parsed.success) update.mutate({ name }, { onSuccess: () => setRenaming(false) });
          }}
        >
          <LocalizedTextFields legend={t('rooms.name')} value={name} onChange={setName} invalid={(l) => invalid.has(`name.${l}`)} />
          <div className="admin-form-actions">
            <Button type="submit" disabled={update.isPending}>
              {t('save')}
            </Button>
            <Button variant="secondary" onClick={() => setRenaming(false)}>
              {t('cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="admin-form-actions">
          <Button
            variant="secondary"
            aria-label={t('rooms.renameRoom', { room: roomName })}
            onClick={() => {
              setName(room.name);
              setRenaming(true);
            }}
          >
            {t('rooms.rename')}
          </Button>
          <Button
            variant="secondary"
            aria-label={t(room.active ? 'rooms.deactivateRoom' : 'rooms.activateRoom', { room: roomName })}
            onClick={() => (room.active ? setConfirming(true) : update.mutate({ active: true }))}
          >
            {room.active ? t('rooms.deactivate') : t('rooms.activate')}
          </Button>
        </div>
      )}
      {update.isError && <InlineAlert status="error">{adminError(t, update.error)}</InlineAlert>}
      <ConfirmDialog
        visible={confirming}
        title={t('rooms.confirmDeactivate.title')}
        body={t('rooms.confirmDeactivate.body', { room: roomName })}
        confirmLabel={t('rooms.deactivate')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          update.mutate({ active: false });
        }}
      />
      {room.terminals && <TerminalsSection room={room} roomName={roomName} />}
    </article>
  );
}
