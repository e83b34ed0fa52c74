package de.amtsraum.tenancy.web;

import de.amtsraum.tenancy.manifest.TenantManifest;
import de.amtsraum.tenancy.manifest.TenantManifest.Address;
import de.amtsraum.tenancy.manifest.TenantManifest.Contact;
import de.amtsraum.tenancy.manifest.TenantManifest.DataProtectionOfficer;
import de.amtsraum.tenancy.manifest.TenantManifest.SupervisoryAuthority;
import java.util.List;

/** The public face of a tenant: who the authority is, whom to contact, what it offers. */
record TenantProfile(String id, String name, TenantManifest.AuthorityType authorityType, String state,
                     Address address, Contact contact, DataProtectionOfficer dataProtectionOfficer,
                     SupervisoryAuthority supervisoryAuthority, Features features, List<ServiceSummary> services) {

    record Features(boolean booking, boolean video, boolean contactForm, boolean citizenAccounts,
                    boolean termsOfUse, Integer minimumAge) {
    }

    record ServiceSummary(String id, String name, String description, int durationMinutes,
                          TenantManifest.Channel channel, String location, List<String> documentsToBring) {
    }

    static TenantProfile of(TenantManifest m) {
        var f = m.features();
        return new TenantProfile(m.id(), m.name(), m.authorityType(), m.state(), m.address(), m.contact(),
                m.dataProtectionOfficer(), m.supervisoryAuthority(),
                new Features(f.booking(), f.video(), f.contactForm(), f.citizenAccounts(), f.termsOfUse(),
                        f.minimumAge()),
                m.services().stream().map(s -> new ServiceSummary(s.id(), s.name(), s.description(),
                        s.durationMinutes(), s.channel(), s.location(), s.documentsToBring())).toList());
    }
}
