import type { LocalTrack } from './peerLink';

/**
 * This device's own camera, microphone and (at the terminal) document camera. Profiles:
 * - `standard`: a face camera, modest resolution (the mesh sends it to every other participant);
 * - `interpreter`: sign language needs motion: content hint `motion`, at least 20 fps, sender capped at 30 fps;
 * - the document camera: a second stream, sharp (`detail`), no sound.
 */
export type CameraProfile = 'standard' | 'interpreter';

const STANDARD_VIDEO: MediaTrackConstraints = { width: { ideal: 640 }, height: { ideal: 480 }, frameRate: { ideal: 30 } };
const INTERPRETER_VIDEO: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30, min: 20 } };
const DOCUMENT_VIDEO: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 15 } };

export type MediaFailure = 'denied' | 'not-found' | 'in-use' | 'unknown';

export function mediaFailure(error: unknown): MediaFailure {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'not-found';
  if (name === 'NotReadableError' || name === 'AbortError') return 'in-use';
  return 'unknown';
}

/** Camera and microphone in one stream (the `camera` role). */
export async function openCamera(profile: CameraProfile = 'standard'): Promise<MediaStream> {
  const video = profile === 'interpreter' ? INTERPRETER_VIDEO : STANDARD_VIDEO;
  const audio: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video, audio });
  } catch (error) {
    // A camera that cannot do 20 fps still beats none; anything else is the caller's to explain.
    if (!(error instanceof DOMException && error.name === 'OverconstrainedError')) throw error;
    stream = await navigator.mediaDevices.getUserMedia({ video: true, audio });
  }
  for (const track of stream.getVideoTracks()) track.contentHint = profile === 'interpreter' ? 'motion' : '';
  return stream;
}

/**
 * Which camera is the document camera, when the kiosk has more than two video inputs (or one that is not a
 * camera for people, e.g. a depth sensor): a part of its label, set once on the kiosk by whoever installs it.
 */
export const DOCUMENT_CAMERA_KEY = 'etapiste.terminal.documentCamera';

/**
 * The document camera: the configured one, otherwise the video input that is not the face camera (another device
 * id and another label). With no other camera there is no document camera.
 */
export async function openDocumentCamera(camera: MediaStream): Promise<MediaStream | undefined> {
  const main = camera.getVideoTracks()[0];
  const mainId = main?.getSettings().deviceId;
  const mainLabel = main?.label;
  const inputs = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
  const others = inputs.filter((d) => d.deviceId !== mainId && (!d.label || d.label !== mainLabel));
  const wanted = localStorage.getItem(DOCUMENT_CAMERA_KEY);
  const other = (wanted && others.find((d) => d.label.includes(wanted))) || others[0];
  if (!other) return undefined;
  const stream = await navigator.mediaDevices.getUserMedia({ video: { ...DOCUMENT_VIDEO, deviceId: { exact: other.deviceId } }, audio: false });
  for (const track of stream.getVideoTracks()) track.contentHint = 'detail';
  return stream;
}

/** What this device sends, and the switches the person has over it. */
export class LocalMedia {
  muted = false;
  cameraOff = false;

  constructor(
    readonly camera: MediaStream | undefined,
    readonly document: MediaStream | undefined = undefined,
    readonly profile: CameraProfile = 'standard',
  ) {}

  tracks(): LocalTrack[] {
    const out: LocalTrack[] = [];
    const maxFramerate = this.profile === 'interpreter' ? 30 : undefined;
    for (const track of this.camera?.getTracks() ?? []) out.push({ track, stream: this.camera!, role: 'camera', maxFramerate });
    for (const track of this.document?.getVideoTracks() ?? []) out.push({ track, stream: this.document!, role: 'document' });
    return out;
  }

  /** The `media` signal: which of my streams is which. */
  roles(): Record<string, 'camera' | 'document'> {
    const roles: Record<string, 'camera' | 'document'> = {};
    if (this.camera) roles[this.camera.id] = 'camera';
    if (this.document) roles[this.document.id] = 'document';
    return roles;
  }

  setMuted(muted: boolean) {
    this.muted = muted;
    for (const t of this.camera?.getAudioTracks() ?? []) t.enabled = !muted;
  }

  setCameraOff(off: boolean) {
    this.cameraOff = off;
    for (const t of this.camera?.getVideoTracks() ?? []) t.enabled = !off;
  }

  stop() {
    for (const stream of [this.camera, this.document]) for (const t of stream?.getTracks() ?? []) t.stop();
  }
}
