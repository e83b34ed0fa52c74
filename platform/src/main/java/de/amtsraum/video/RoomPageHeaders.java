package de.amtsraum.video;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The response headers of a page that contains the video room (fragment
 * {@code video/fragments/room :: room(tokenUrl, ticket, defaultName)}): the strict Content Security
 * Policy opened just for the configured LiveKit server, the E2EE worker and camera/microphone. Exists
 * only while video is configured, like {@link Rooms}; every other page keeps the strict headers.
 */
public interface RoomPageHeaders {

    /** Sets the headers on the response; call in the page's controller before the view renders. */
    void allowRoom(HttpServletResponse response);
}
