/**
 * One still of a camera stream as JPEG, at the camera's full resolution (the document camera is sharp on purpose).
 * Drawn through a detached video element: works wherever WebRTC does, unlike ImageCapture.
 */
export async function captureStill(stream: MediaStream, quality = 0.92): Promise<Blob> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  try {
    await video.play();
    if (!video.videoWidth) await new Promise((resolve) => video.addEventListener('loadeddata', resolve, { once: true }));
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')!.drawImage(video, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    if (!blob) throw new Error('the still could not be encoded');
    return blob;
  } finally {
    video.pause();
    video.srcObject = null;
  }
}
