package de.amtsraum.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The client address with its host part zeroed before it is kept anywhere: IPv4 keeps the first
 * 24 bits (last octet 0), IPv6 the first 48 bits (last 80 bits 0). IPv4-mapped IPv6 addresses count
 * as IPv4. Takes the address the servlet container reports ({@code getRemoteAddr()}), so forwarded
 * headers count exactly when Spring Boot's {@code server.forward-headers-strategy} trusts them.
 */
public final class AnonymisedIp {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[0-9A-Za-z_.-]+)?");

    private AnonymisedIp() {
    }

    /** The anonymised literal, or null when the value is not an IP literal (never resolved by DNS). */
    public static String of(String remoteAddress) {
        if (remoteAddress == null) {
            return null;
        }
        String literal = remoteAddress.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (literal.length() > 60 || !IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
            return null;
        }
        int scope = literal.indexOf('%');
        if (scope >= 0) {
            literal = literal.substring(0, scope);
        }
        try {
            // A literal (checked above) is parsed, never looked up.
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            int keep = bytes.length == 4 ? 3 : 6;
            for (int i = keep; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException | IllegalArgumentException malformed) {
            return null;
        }
    }
}
