import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, InlineAlert } from 'suomifi-ui-components';
import type { LocalizedText } from '../../../../shared/common';
import type { ServicePointView } from '../../../../shared/directory';
import { roomInput } from '../../../../shared/directory';
import { adminError } from '../common/adminError';
import { emptyLocalized } from '../common/format';
import { LocalizedTextFields } from '../common/LocalizedTextFields';
import { invalidPaths } from '../common/validation';
import { RoomCard } from './RoomCard';
import { useAddRoom } from './useServicePointMutations';

/** The point's remote service rooms, each with its kiosk terminals. */
export function RoomsSection({ point }: { point: ServicePointView }) {
  const { t } = useTranslation('admin');
  return (
    <section className="admin-section" aria-labelledby="sp-rooms-h">
      <Heading variant="h2" id="sp-rooms-h">
        {t('rooms.heading')}
      </Heading>
      {point.rooms.length === 0 && <p>{t('rooms.empty')}</p>}
      {point.rooms.map((room) => (
        <RoomCard key={room.id} room={room} />
      ))}
      <AddRoomForm pointId={point.id} />
    </section>
  );
}

function AddRoomForm({ pointId }: { pointId: string }) {
  const { t } = useTranslation('admin');
  const add = useAddRoom(pointId);
  const [name, setName] = useState<LocalizedText>(emptyLocalized());
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  return (
    <form
      className="admin-form"
      noValidate
      aria-labelledby="sp-add-room-h"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = roomInput.safeParse({ name });
        setInvalid(invalidPaths(parsed));
        if (parsed.success) add.mutate(parsed.data.name, { onSuccess: () => setName(emptyLocalized()) });
      }}
    >
      <Heading variant="h3" id="sp-add-room-h">
        {t('rooms.add')}
      </Heading>
      <LocalizedTextFields legend={t('rooms.name')} value={name} onChange={setName} invalid={(l) => invalid.has(`name.${l}`)} />
      {add.isError && <InlineAlert status="error">{adminError(t, add.error)}</InlineAlert>}
      <div className="admin-form-actions">
        <Button type="submit" disabled={add.isPending}>
          {t('rooms.add')}
        </Button>
        <p role="status" className="admin-status">
          {add.isSuccess ? t('rooms.added') : ''}
        </p>
      </div>
    </form>
  );
}
