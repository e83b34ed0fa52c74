package de.amtsraum.tenancy.manifest;

import de.amtsraum.shared.privacy.DataKind;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A tenant's manifest after validation and resolution: texts and logo are inline, every reference
 * checked. Mirrors {@code tenant-manifest-v1.schema.json}; the format is documented in
 * docs/manifest-format.md. Holds facts about the authority only, never citizen data.
 */
public record TenantManifest(
        int manifestVersion,
        String id,
        String name,
        AuthorityType authorityType,
        String state,
        ZoneId timeZone,
        Address address,
        Contact contact,
        DataProtectionOfficer dataProtectionOfficer,
        SupervisoryAuthority supervisoryAuthority,
        Branding branding,
        Features features,
        BookingSettings booking,
        ContactFormSettings contactForm,
        List<Location> locations,
        List<Service> services,
        List<Processor> processors,
        List<DataCategory> dataCategories,
        IdentitySettings identity,
        Texts texts) {

    public TenantManifest {
        locations = List.copyOf(locations == null ? List.of() : locations);
        services = List.copyOf(services == null ? List.of() : services);
        processors = List.copyOf(processors == null ? List.of() : processors);
        dataCategories = List.copyOf(dataCategories == null ? List.of() : dataCategories);
    }

    public enum AuthorityType { LANDRATSAMT, STADT, LANDKREIS, VERBANDSGEMEINDE, GEMEINDE, OTHER }

    public record Address(String street, String postalCode, String city) {
    }

    public record Contact(String email, String phone, String website) {
    }

    public record DataProtectionOfficer(String name, String organisation, Address address, String email,
                                        String phone) {
    }

    public record SupervisoryAuthority(String name, Address address, String email, String phone,
                                       String website) {
    }

    /** {@code logo} is a data: URI once resolved (the folder form names a file). */
    public record Branding(String primaryColor, String logo) {
    }

    public record Features(boolean booking, boolean video, boolean contactForm, boolean citizenAccounts,
                           boolean pseudonymousRegistration, boolean termsOfUse, Integer minimumAge,
                           Boolean guardianConsentBelowMinimumAge, Boolean endToEndEncryption) {
    }

    public enum BookingField { NAME, EMAIL, PHONE, CONCERN, ADDRESS, BIRTH_DATE }

    public record BookingSettings(List<BookingField> requiredFields, List<BookingField> optionalFields,
                                  int holdMinutes, int reminderHoursBefore, int maxOpenAppointmentsPerEmail,
                                  int bookingWindowDays, int minimumNoticeHours, int bufferMinutes,
                                  boolean proofOfWork) {
        public BookingSettings {
            requiredFields = List.copyOf(requiredFields);
            optionalFields = List.copyOf(optionalFields == null ? List.of() : optionalFields);
        }
    }

    public enum ContactField {
        FIRST_NAME, LAST_NAME, EMAIL, PHONE, REQUEST, STREET, HOUSE_NUMBER, POSTAL_CODE, TOWN
    }

    public record ContactFormSettings(List<ContactField> requiredFields, List<ContactField> optionalFields) {
        public ContactFormSettings {
            requiredFields = List.copyOf(requiredFields);
            optionalFields = List.copyOf(optionalFields == null ? List.of() : optionalFields);
        }
    }

    public record Location(String id, String name, Address address, List<OpeningHours> openingHours,
                           List<LocalDate> closedDays) {
        public Location {
            openingHours = List.copyOf(openingHours == null ? List.of() : openingHours);
            closedDays = List.copyOf(closedDays == null ? List.of() : closedDays);
        }
    }

    public record OpeningHours(List<java.time.DayOfWeek> days, java.time.LocalTime from, java.time.LocalTime to,
                               int capacity) {
        public OpeningHours {
            days = List.copyOf(days);
        }
    }

    public enum Channel { ON_SITE, VIDEO }

    /**
     * @param consultationCase whether a confirmed appointment of this on-site service opens a
     *                         consultation case (Beratungsfall); VIDEO services always open one
     */
    public record Service(String id, String name, String description, int durationMinutes, Channel channel,
                          String location, List<String> documentsToBring, String leikaKey, List<String> staff,
                          boolean consultationCase) {
        public Service {
            documentsToBring = List.copyOf(documentsToBring == null ? List.of() : documentsToBring);
            staff = List.copyOf(staff == null ? List.of() : staff);
        }

        /** Whether a confirmed appointment of the service opens a consultation case. */
        public boolean opensConsultationCase() {
            return channel == Channel.VIDEO || consultationCase;
        }
    }

    public record Processor(String name, Address address, String country, String purpose, LocalDate contractDate,
                            String transferBasis) {

        /** Whether the processor sits in the EU or the EEA (no third-country transfer). */
        public boolean insideEuEea() {
            return ManifestRules.EU_EEA.contains(country);
        }
    }

    public record DataCategory(String id, String name, String description, boolean personal, String legalBasis,
                               List<String> purposes, List<String> recipients, List<RetentionRule> retention,
                               List<DataKind> covers) {
        public DataCategory {
            purposes = List.copyOf(purposes == null ? List.of() : purposes);
            recipients = List.copyOf(recipients == null ? List.of() : recipients);
            retention = List.copyOf(retention == null ? List.of() : retention);
            covers = List.copyOf(covers == null ? List.of() : covers);
        }
    }

    /** The category that covers a kind of data, if the tenant declared one. */
    public java.util.Optional<DataCategory> categoryFor(DataKind kind) {
        return dataCategories.stream().filter(category -> category.covers().contains(kind)).findFirst();
    }

    public java.util.Optional<DataCategory> category(String id) {
        return dataCategories.stream().filter(category -> category.id().equals(id)).findFirst();
    }

    public record IdentitySettings(String staffIssuer, Boolean twoFactorForStaff) {
    }

    /** Whether staff and admins sign in with a second factor: yes unless the manifest says false. */
    public boolean staffTwoFactorRequired() {
        return identity == null || !Boolean.FALSE.equals(identity.twoFactorForStaff());
    }

    /** Markdown, inline once resolved. */
    public record Texts(String privacyProse, String termsOfUse) {
    }
}
