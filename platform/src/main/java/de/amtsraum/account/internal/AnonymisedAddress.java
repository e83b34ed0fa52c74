package de.amtsraum.account.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * A client address with its host part removed: IPv4 keeps the first 24 bits (last octet zeroed),
 * IPv6 the first 48 bits (last 80 bits zeroed). Only literal addresses are parsed (no name look-up);
 * anything else becomes null.
 */
final class AnonymisedAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Contains a colon, so InetAddress treats it as an IPv6 literal and never asks DNS. */
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private AnonymisedAddress() {
    }

    static String of(String address) {
        if (address == null) {
            return null;
        }
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        if (literal.length() > 45 || !(IPV4.matcher(literal).matches() || IPV6.matcher(literal).matches())) {
            return null;
        }
        try {
            InetAddress parsed = InetAddress.getByName(literal);
            byte[] bytes = parsed.getAddress();
            if (parsed instanceof Inet4Address) {
                bytes[3] = 0;
            } else if (parsed instanceof Inet6Address) {
                for (int i = 6; i < 16; i++) {
                    bytes[i] = 0;
                }
            } else {
                return null;
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException malformed) {
            return null;
        }
    }
}
