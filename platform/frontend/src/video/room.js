// The video room of Amtsraum (issue 6): pre-join with camera preview, joining a LiveKit room with a
// token from the platform, remote participants' media with their display names, camera/microphone
// toggles, leave, reconnect, and optional end-to-end encryption with a key that lives only in the
// URL fragment (#e2ee=…) and is never sent to any server.
//
// Markup: templates/video/fragments/room.html. Every text the script shows comes from that
// fragment (message keys room.*), so the script holds no language of its own.
import {
  ConnectionState,
  DisconnectReason,
  ExternalE2EEKeyProvider,
  Room,
  RoomEvent,
  Track,
  createLocalAudioTrack,
  createLocalVideoTrack,
  isE2EESupported,
  setLogLevel,
} from 'livekit-client';

// The SDK's debug logs would name the server URL with its query (the token): errors only.
setLogLevel('error');

const KEY_BYTES = 32;
const FRAGMENT = /(?:^#|&)e2ee=([A-Za-z0-9_-]{43})(?:&|$)/;

const root = document.getElementById('room');
if (root) {
  start(root);
}

function start(root) {
  const $ = (id) => document.getElementById(id);
  const texts = {};
  root.querySelectorAll('[data-text]').forEach((el) => {
    texts[el.dataset.text] = el.textContent.trim();
  });
  const text = (key, name) => (texts[key] || key).replace('{0}', name ?? '');

  const form = $('prejoin');
  const nameInput = $('display-name');
  const cameraBox = $('camera-on');
  const micBox = $('mic-on');
  const e2eeBox = $('e2ee-on');
  const joinButton = $('join');
  const preview = $('preview');
  const previewOff = $('preview-off');
  const linkBox = $('e2ee-link');
  const linkInput = $('e2ee-link-url');
  const copyButton = $('e2ee-copy');
  const status = $('room-state');
  const encryption = $('room-e2ee');
  const error = $('room-error');
  const call = $('call');
  const localVideo = $('local-video');
  const localName = $('local-name');
  const remote = $('remote-media');
  const cameraButton = $('toggle-camera');
  const micButton = $('toggle-mic');
  const leaveButton = $('leave');
  const audioButton = $('start-audio');

  const e2eeSupported = isE2EESupported();
  let key = keyFromFragment();
  let previewTrack = null;
  let room = null;
  let leaving = false;

  form.hidden = false;
  say('ready');
  if (!e2eeSupported) {
    e2eeBox.checked = false;
    e2eeBox.disabled = true;
    key = null;
  } else {
    e2eeBox.checked = key !== null;
  }
  showLink();
  showEncryption();
  updatePreview();

  cameraBox.addEventListener('change', updatePreview);
  e2eeBox.addEventListener('change', () => {
    if (e2eeBox.checked) {
      key = key ?? randomKey();
      history.replaceState(null, '', `#e2ee=${key}`);
    } else {
      key = null;
      history.replaceState(null, '', location.pathname + location.search);
    }
    showLink();
    showEncryption();
  });
  copyButton.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(linkInput.value);
      say('linkCopied');
    } catch {
      linkInput.focus();
      linkInput.select();
      say('linkSelect');
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    join();
  });
  leaveButton.addEventListener('click', leave);
  cameraButton.addEventListener('click', () => toggle(Track.Source.Camera));
  micButton.addEventListener('click', () => toggle(Track.Source.Microphone));
  audioButton.addEventListener('click', async () => {
    await room?.startAudio();
    audioButton.hidden = !room || room.canPlaybackAudio;
  });
  window.addEventListener('pagehide', () => {
    room?.disconnect();
    stopPreview();
  });

  function say(key, name) {
    status.textContent = text(key, name);
  }

  function fail(message) {
    error.textContent = message;
    error.hidden = !message;
  }

  // ---- end-to-end encryption key: only in the URL fragment ----

  function keyFromFragment() {
    const match = FRAGMENT.exec(location.hash);
    return match ? match[1] : null;
  }

  function randomKey() {
    const bytes = crypto.getRandomValues(new Uint8Array(KEY_BYTES));
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function keyBytes(encoded) {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/') + '=');
    return Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer;
  }

  function showLink() {
    linkBox.hidden = key === null;
    linkInput.value = key === null ? '' : location.href;
  }

  /** Plain words on whether the call is (or will be) end-to-end encrypted. */
  function showEncryption() {
    let state;
    if (!e2eeSupported) {
      state = 'e2eeUnsupported';
    } else if (!room || room.state !== ConnectionState.Connected) {
      state = key !== null ? 'e2eePlanned' : 'e2eeOff';
    } else if (!room.isE2EEEnabled) {
      const others = [...room.remoteParticipants.values()].some((p) => p.isEncrypted);
      state = others ? 'e2eeOthersOnly' : 'e2eeOff';
    } else {
      const clear = [...room.remoteParticipants.values()].some((p) => !p.isEncrypted && p.trackPublications.size > 0);
      state = clear ? 'e2eeMixed' : 'e2eeOn';
    }
    encryption.textContent = text(state);
    encryption.dataset.state = state;
  }

  // ---- pre-join ----

  async function updatePreview() {
    if (room) {
      return;
    }
    if (!cameraBox.checked) {
      stopPreview();
      return;
    }
    if (previewTrack) {
      return;
    }
    try {
      previewTrack = await createLocalVideoTrack({ resolution: { width: 640, height: 360, frameRate: 24 } });
      if (!cameraBox.checked || room) {
        stopPreview();
        return;
      }
      previewTrack.attach(preview);
      preview.hidden = false;
      previewOff.hidden = true;
      fail('');
    } catch (e) {
      cameraBox.checked = false;
      fail(text(deviceError(e)));
    }
  }

  function stopPreview() {
    if (previewTrack) {
      previewTrack.detach(preview);
      previewTrack.stop();
      previewTrack = null;
    }
    preview.hidden = true;
    previewOff.hidden = false;
  }

  function deviceError(e) {
    return e && e.name === 'NotAllowedError' ? 'errorPermission' : 'errorDevice';
  }

  // ---- joining and leaving ----

  async function join() {
    const name = nameInput.value.trim();
    if (!name) {
      fail(text('errorName'));
      nameInput.focus();
      return;
    }
    fail('');
    joinButton.disabled = true;
    say('connecting');
    let grant;
    try {
      grant = await requestToken(name);
    } catch (message) {
      joinButton.disabled = false;
      say('ready');
      fail(message);
      return;
    }
    leaving = false;
    const encrypt = e2eeSupported && key !== null;
    let keyProvider = null;
    const options = { adaptiveStream: true, dynacast: true };
    if (encrypt) {
      keyProvider = new ExternalE2EEKeyProvider();
      options.e2ee = { keyProvider, worker: new Worker(root.dataset.worker) };
    }
    room = new Room(options);
    listen(room);
    try {
      if (encrypt) {
        await keyProvider.setKey(keyBytes(key));
        await room.setE2EEEnabled(true);
      }
      await room.connect(grant.serverUrl, grant.token);
    } catch (e) {
      room.removeAllListeners();
      room = null;
      joinButton.disabled = false;
      say('ready');
      fail(text('errorConnect'));
      return;
    }
    grant = null;
    form.hidden = true;
    call.hidden = false;
    e2eeBox.disabled = true;
    localName.textContent = text('you', name);
    say('connected');
    await publish();
    room.remoteParticipants.forEach((participant) => {
      tile(participant);
      participant.trackPublications.forEach((publication) => {
        if (publication.track && publication.isSubscribed) {
          attach(publication.track, participant);
        }
      });
    });
    audioButton.hidden = room.canPlaybackAudio;
    showEncryption();
    leaveButton.focus();
  }

  /** The token request: same origin, CSRF token of the form, the ticket and the display name. */
  async function requestToken(name) {
    const body = new URLSearchParams(new FormData(form));
    // Only the ticket, the name and the CSRF token: the checkboxes and the link have no name, so
    // they (and the key) stay in the browser.
    body.set('displayName', name);
    const csrf = form.querySelector('input[name="_csrf"]');
    const headers = { Accept: 'application/json, application/problem+json' };
    if (csrf) {
      headers['X-CSRF-TOKEN'] = csrf.value;
    }
    let response;
    try {
      response = await fetch(root.dataset.tokenUrl, {
        method: 'POST', headers, body, credentials: 'same-origin', cache: 'no-store', redirect: 'error',
      });
    } catch {
      throw text('errorNetwork');
    }
    let answer = null;
    try {
      answer = await response.json();
    } catch {
      // no JSON: the generic text below
    }
    if (!response.ok) {
      throw (answer && typeof answer.detail === 'string' && answer.detail) || text('errorToken');
    }
    if (!answer || typeof answer.serverUrl !== 'string' || typeof answer.token !== 'string') {
      throw text('errorToken');
    }
    return answer;
  }

  async function publish() {
    const local = room.localParticipant;
    try {
      if (cameraBox.checked && previewTrack) {
        previewTrack.detach(preview);
        await local.publishTrack(previewTrack);
        previewTrack = null;
      } else if (cameraBox.checked) {
        await local.setCameraEnabled(true);
      }
    } catch (e) {
      fail(text(deviceError(e)));
    }
    try {
      if (micBox.checked) {
        await local.publishTrack(await createLocalAudioTrack({ echoCancellation: true, noiseSuppression: true }));
      }
    } catch (e) {
      fail(text(deviceError(e)));
    }
    stopPreview();
    showLocal();
  }

  async function toggle(source) {
    if (!room) {
      return;
    }
    const local = room.localParticipant;
    const camera = source === Track.Source.Camera;
    const on = camera ? local.isCameraEnabled : local.isMicrophoneEnabled;
    const button = camera ? cameraButton : micButton;
    button.disabled = true;
    try {
      if (camera) {
        await local.setCameraEnabled(!on);
      } else {
        await local.setMicrophoneEnabled(!on);
      }
      fail('');
    } catch (e) {
      fail(text(deviceError(e)));
    } finally {
      button.disabled = false;
    }
    showLocal();
    say(camera ? (on ? 'cameraOff' : 'cameraOn') : (on ? 'micOff' : 'micOn'));
  }

  function showLocal() {
    const local = room.localParticipant;
    const camera = local.getTrackPublication(Track.Source.Camera);
    if (camera && camera.track && !camera.isMuted) {
      camera.track.attach(localVideo);
      localVideo.hidden = false;
    } else {
      localVideo.hidden = true;
    }
    cameraButton.textContent = text(local.isCameraEnabled ? 'cameraTurnOff' : 'cameraTurnOn');
    micButton.textContent = text(local.isMicrophoneEnabled ? 'micTurnOff' : 'micTurnOn');
    cameraBox.checked = local.isCameraEnabled;
    micBox.checked = local.isMicrophoneEnabled;
  }

  async function leave() {
    if (!room) {
      return;
    }
    leaving = true;
    await room.disconnect();
  }

  /** Back to the pre-join form after leaving or losing the connection. */
  function closed(reason) {
    const left = leaving || reason === DisconnectReason.CLIENT_INITIATED;
    room?.removeAllListeners();
    room = null;
    remote.replaceChildren();
    localVideo.hidden = true;
    call.hidden = true;
    form.hidden = false;
    joinButton.disabled = false;
    e2eeBox.disabled = !e2eeSupported;
    audioButton.hidden = true;
    say(left ? 'left' : 'disconnected');
    if (!left) {
      fail(text(reason === DisconnectReason.ROOM_DELETED ? 'errorEnded' : 'errorDisconnected'));
    }
    showEncryption();
    updatePreview();
    joinButton.focus();
  }

  // ---- remote participants ----

  function listen(room) {
    room
      .on(RoomEvent.ParticipantConnected, (participant) => {
        tile(participant);
        say('joinedOther', displayName(participant));
        showEncryption();
      })
      .on(RoomEvent.ParticipantDisconnected, (participant) => {
        document.getElementById(tileId(participant))?.remove();
        say('leftOther', displayName(participant));
        showEncryption();
      })
      .on(RoomEvent.TrackSubscribed, (track, publication, participant) => {
        attach(track, participant);
        showEncryption();
      })
      .on(RoomEvent.TrackUnsubscribed, (track, publication, participant) => {
        track.detach().forEach((element) => element.remove());
        showCameraState(participant);
      })
      .on(RoomEvent.TrackMuted, (publication, participant) => {
        if (participant === room.localParticipant) {
          showLocal();
        } else {
          showCameraState(participant);
        }
      })
      .on(RoomEvent.TrackUnmuted, (publication, participant) => {
        if (participant === room.localParticipant) {
          showLocal();
        } else {
          showCameraState(participant);
        }
      })
      .on(RoomEvent.ParticipantNameChanged, (name, participant) => {
        const label = document.querySelector(`#${tileId(participant)} .amtsraum-room-name`);
        if (label) {
          label.textContent = displayName(participant);
        }
      })
      .on(RoomEvent.ParticipantEncryptionStatusChanged, showEncryption)
      .on(RoomEvent.EncryptionError, () => {
        showEncryption();
        fail(text('errorEncryption'));
      })
      .on(RoomEvent.AudioPlaybackStatusChanged, () => {
        audioButton.hidden = room.canPlaybackAudio;
      })
      .on(RoomEvent.MediaDevicesError, (e) => fail(text(deviceError(e))))
      .on(RoomEvent.Reconnecting, () => say('reconnecting'))
      .on(RoomEvent.SignalReconnecting, () => say('reconnecting'))
      .on(RoomEvent.Reconnected, () => {
        say('reconnected');
        showEncryption();
      })
      .on(RoomEvent.Disconnected, closed);
  }

  function displayName(participant) {
    return participant.name || text('someone');
  }

  function tileId(participant) {
    return `remote-${participant.identity.replace(/[^A-Za-z0-9_-]/g, '')}`;
  }

  function tile(participant) {
    const id = tileId(participant);
    let element = document.getElementById(id);
    if (!element) {
      element = document.createElement('figure');
      element.id = id;
      element.className = 'amtsraum-room-tile';
      element.dataset.identity = participant.identity;
      const off = document.createElement('p');
      off.className = 'amtsraum-room-off kern-body';
      off.textContent = text('noVideo');
      const caption = document.createElement('figcaption');
      caption.className = 'amtsraum-room-name kern-label';
      caption.textContent = displayName(participant);
      element.append(off, caption);
      remote.append(element);
    }
    return element;
  }

  function attach(track, participant) {
    const element = tile(participant);
    // Tracks already there when joining are attached on connect; TrackSubscribed may follow for them.
    if (track.attachedElements.some((attached) => element.contains(attached))) {
      showCameraState(participant);
      return;
    }
    if (track.kind === Track.Kind.Video) {
      const video = track.attach();
      video.className = 'amtsraum-room-video';
      video.setAttribute('aria-label', text('videoOf', displayName(participant)));
      element.prepend(video);
    } else if (track.kind === Track.Kind.Audio) {
      const audio = track.attach();
      audio.hidden = true;
      element.append(audio);
    }
    showCameraState(participant);
  }

  function showCameraState(participant) {
    const element = document.getElementById(tileId(participant));
    if (!element) {
      return;
    }
    const camera = participant.getTrackPublication(Track.Source.Camera);
    const showing = !!(camera && camera.track && camera.isSubscribed && !camera.isMuted);
    element.querySelector('.amtsraum-room-off').hidden = showing;
    element.querySelectorAll('video').forEach((video) => {
      video.hidden = !showing;
    });
  }
}
