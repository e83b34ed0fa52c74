package de.amtsraum.video.internal;

import de.amtsraum.video.CallEnded;
import de.amtsraum.video.VideoException;
import de.amtsraum.video.internal.CallCommands.Decision;
import de.amtsraum.video.internal.CallEvents.CallAccepted;
import de.amtsraum.video.internal.CallEvents.CallRequested;
import de.amtsraum.video.internal.CallEvents.CallSignalled;
import de.amtsraum.video.internal.CallEvents.CallStarted;
import de.amtsraum.video.internal.CallEvents.GuestAdmitted;
import de.amtsraum.video.internal.CallEvents.GuestConsentGiven;
import de.amtsraum.video.internal.CallEvents.GuestConsentRefused;
import de.amtsraum.video.internal.CallEvents.GuestInvited;
import de.amtsraum.video.internal.CallEvents.GuestWaiting;
import de.amtsraum.video.internal.CallEvents.ParticipantJoined;
import de.amtsraum.video.internal.CallEvents.Role;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of a call: answer once, consent before admission, started when both are in, ended once. */
class VideoCallTest {

    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);
    static final String CALL = "call-1";
    static final String CASE = "case-1";

    private AggregateTestFixture<VideoCall> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(VideoCall.class);
    }

    private Object[] accepted() {
        return new Object[] {new CallRequested("coburg", CALL, CASE, T0), new CallSignalled("coburg", CALL, T0),
                new CallAccepted("coburg", CALL, T0)};
    }

    private Object[] withWaitingGuest(Object... more) {
        Object[] base = accepted();
        Object[] all = new Object[base.length + 2 + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        all[base.length] = new GuestInvited("coburg", CALL, "invite-1", T0, T0.plusSeconds(7200));
        all[base.length + 1] = new GuestWaiting("coburg", CALL, "guest-1", "invite-1", T0);
        System.arraycopy(more, 0, all, base.length + 2, more.length);
        return all;
    }

    @Test
    void theCitizenAnswersOnce() {
        fixture.given(accepted())
                .when(new CallCommands.Answer("coburg", CALL, false, T1))
                .expectException(VideoException.class)
                .expectNoEvents();
    }

    @Test
    void aGuestIsNotAdmittedBeforeTheCitizenAgreed() {
        fixture.given(withWaitingGuest())
                .when(new CallCommands.Decide("coburg", CALL, "guest-1", Decision.ADMIT, T1))
                .expectExceptionMessage("The citizen must agree before a guest is admitted.")
                .expectNoEvents();
    }

    @Test
    void aGuestTheCitizenRefusedIsNotAdmitted() {
        fixture.given(withWaitingGuest(new GuestConsentRefused("coburg", CALL, "guest-1", T0)))
                .when(new CallCommands.Decide("coburg", CALL, "guest-1", Decision.ADMIT, T1))
                .expectException(VideoException.class)
                .expectNoEvents();
    }

    @Test
    void aGuestIsAdmittedAfterConsent() {
        fixture.given(withWaitingGuest(new GuestConsentGiven("coburg", CALL, "guest-1", T0)))
                .when(new CallCommands.Decide("coburg", CALL, "guest-1", Decision.ADMIT, T1))
                .expectEvents(new GuestAdmitted("coburg", CALL, "guest-1", T1));
    }

    @Test
    void anUnknownGuestOrAWrongInviteIsRefused() {
        fixture.given(accepted())
                .when(new CallCommands.Decide("coburg", CALL, "nobody", Decision.ADMIT, T1))
                .expectExceptionMessage("There is no such guest in this call's waiting room.");
        fixture.given(accepted())
                .when(new CallCommands.Wait("coburg", CALL, "guest-2", "not-an-invite", T1))
                .expectException(VideoException.class)
                .expectNoEvents();
    }

    @Test
    void theCallStartsWhenStaffAndCitizenAreBothIn() {
        fixture.given(withWaitingGuest(new ParticipantJoined("coburg", CALL, "p-staff", Role.STAFF, T0)))
                .when(new CallCommands.Presence("coburg", CALL, "p-citizen", Role.CITIZEN, true, T1))
                .expectEvents(new ParticipantJoined("coburg", CALL, "p-citizen", Role.CITIZEN, T1),
                        new CallStarted("coburg", CALL, T1));
    }

    @Test
    void aCallThatStartedEndsCompletedOnceAndOnlyOnce() {
        Instant end = T1.plusSeconds(600);
        fixture.given(withWaitingGuest(new ParticipantJoined("coburg", CALL, "p-staff", Role.STAFF, T0),
                        new ParticipantJoined("coburg", CALL, "p-citizen", Role.CITIZEN, T1), new CallStarted("coburg", CALL, T1)))
                .when(new CallCommands.End("coburg", CALL, end))
                .expectEvents(new CallEnded("coburg", CALL, CASE, CallEnded.Outcome.COMPLETED, T1, end))
                .expectResultMessagePayload(true);
        fixture.given(accepted())
                .andGiven(new CallEnded("coburg", CALL, CASE, CallEnded.Outcome.ABORTED, null, T1))
                .when(new CallCommands.End("coburg", CALL, end))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aCallNobodyJoinedEndsAborted() {
        fixture.given(accepted())
                .when(new CallCommands.End("coburg", CALL, T1))
                .expectEvents(new CallEnded("coburg", CALL, CASE, CallEnded.Outcome.ABORTED, null, T1));
    }

    @Test
    void anotherTenantFindsNothing() {
        fixture.given(accepted())
                .when(new CallCommands.Invite("leer", CALL, "invite-2", T1, T1))
                .expectExceptionMessage("There is no such call.");
    }

    @Test
    void nothingButPresenceReachesAnEndedCall() {
        fixture.given(accepted())
                .andGiven(new CallEnded("coburg", CALL, CASE, CallEnded.Outcome.ABORTED, null, T1))
                .when(new CallCommands.Invite("coburg", CALL, "invite-2", T1, T1))
                .expectExceptionMessage("This call has ended.");
        fixture.given(accepted())
                .andGiven(new CallEnded("coburg", CALL, CASE, CallEnded.Outcome.ABORTED, null, T1))
                .when(new CallCommands.Presence("coburg", CALL, "p-x", Role.GUEST, true, T1))
                .expectNoEvents();
    }
}
