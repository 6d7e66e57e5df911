package io.opsflow.security.signin;

import java.io.Serializable;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a sign-in comes from: the client's network address (behind a reverse proxy, the one Tomcat
 * takes from X-Forwarded-For when the proxy is trusted; IPv6 counted per /64, the block one
 * subscriber gets) and, for the sign-in form, the device cookie an earlier sign-in left in the
 * browser. Spring Security keeps it as the authentication's details, so it is stored with the
 * session (in the database).
 */
public record SignInClient(String address, String device) implements Serializable {

  static final SignInClient UNKNOWN = new SignInClient("unknown", null);

  public static SignInClient of(HttpServletRequest request) {
    return new SignInClient(network(request.getRemoteAddr()), DeviceCookie.read(request).orElse(null));
  }

  static SignInClient from(Object details) {
    return details instanceof SignInClient client ? client : UNKNOWN;
  }

  static String network(String address) {
    if (address == null || address.isBlank()) {
      return UNKNOWN.address();
    }
    if (!address.contains(":")) {
      return address.length() > 64 ? address.substring(0, 64) : address;
    }
    try {
      // an address literal: no name lookup happens
      InetAddress parsed = InetAddress.getByName(address.replaceAll("%.*$", ""));
      if (parsed instanceof Inet6Address) {
        byte[] bytes = Arrays.copyOf(parsed.getAddress(), 16);
        Arrays.fill(bytes, 8, 16, (byte) 0);
        return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
      }
      return parsed.getHostAddress();
    } catch (UnknownHostException notAnAddress) {
      return address.length() > 64 ? address.substring(0, 64) : address;
    }
  }
}
