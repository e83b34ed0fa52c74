/**
 * Video consultation rooms on LiveKit (issue 6, item 3): the backend alone creates rooms (the
 * server runs with {@code room.auto_create: false}), each with a random opaque name, short empty and
 * departure timeouts and a participant limit; it issues short-lived join tokens for pseudonymous
 * identities with the least grants (join this one room, publish, subscribe; never record, never
 * administer); it receives LiveKit's webhooks, verified with the SDK's {@code WebhookReceiver} on the
 * raw body, and forgets a room when LiveKit reports it finished. An {@code egress_started} webhook
 * is an alarm: no recording or streaming is ever allowed.
 *
 * <p>Calls (items 4–5, ADR 0017): {@link de.amtsraum.video.Calls} starts a call for a consultation
 * case (room, call event stream with random ids only, signal to the citizen's open page over SSE
 * fed by PostgreSQL LISTEN/NOTIFY); the citizen accepts or declines on the page of the case's signed
 * link ({@link de.amtsraum.video.CallLinks}); tickets are exchanged for tokens at
 * {@code POST /{tenant}/video/token} only when the holder may join; guests wait outside LiveKit
 * until the citizen agreed and staff admitted them. Webhooks are replay-protected.
 *
 * <p>Off unless {@code amtsraum.livekit.url} is set: then no {@link de.amtsraum.video.Rooms} bean
 * exists (callers take an {@code ObjectProvider}), {@link de.amtsraum.video.Calls#available} is
 * false and the webhook endpoint answers 404.
 *
 * <p>API: {@link de.amtsraum.video.Rooms}, {@link de.amtsraum.video.VideoRoom},
 * {@link de.amtsraum.video.JoinToken}, {@link de.amtsraum.video.VideoException}; endpoint
 * {@code POST /api/v1/livekit/webhook} (authenticated by LiveKit's signature, not by a bearer token).
 */
package de.amtsraum.video;
