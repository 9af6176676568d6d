// Kontakt's small client for the staff and admin pages: the session (cookie + CSRF token kept in memory),
// JSON requests with the CSRF header, and errors as {error, message} turned into exceptions a page can show.
// Used by /inbox and /admin. No framework, no third-party code.
"use strict";

const KontaktApi = (() => {
  let session = null; // {username, role, csrf}

  class ApiError extends Error {
    constructor(status, code, message, data) {
      super(message || code || ("HTTP " + status));
      this.status = status;
      this.code = code;
      this.data = data; // the whole error body, e.g. a refusal's located problems
    }
  }

  async function request(method, path, body, contentType) {
    const headers = {"Accept": "application/json"};
    if (session && method !== "GET") headers["X-CSRF-Token"] = session.csrf;
    let payload;
    if (body !== undefined) {
      headers["Content-Type"] = contentType || "application/json";
      payload = typeof body === "string" ? body : JSON.stringify(body);
    }
    const response = await fetch(path, {method, headers, body: payload, credentials: "same-origin"});
    const type = response.headers.get("Content-Type") || "";
    const data = type.includes("json") ? await response.json() : await response.text();
    if (!response.ok) {
      if (response.status === 401) session = null;
      throw new ApiError(response.status, data && data.error, data && data.message, data);
    }
    return data;
  }

  return {
    ApiError,
    get: (path) => request("GET", path),
    post: (path, body) => request("POST", path, body === undefined ? {} : body),
    put: (path, body, contentType) => request("PUT", path, body, contentType),
    del: (path) => request("DELETE", path),
    send: (method, path, body) => request(method, path, body),
    /** Logs in (with the second factor's code once the account has one); resolves to {username, role, mustEnrolTotp}. */
    async login(username, password, code) {
      session = await request("POST", "/api/login", code ? {username, password, code} : {username, password});
      return session;
    },
    /** The session the cookie still holds after a reload, or null. */
    async resume() {
      try {
        session = await request("GET", "/api/me");
      } catch (e) {
        session = null;
      }
      return session;
    },
    async logout() {
      try { await request("POST", "/api/logout", {}); } finally { session = null; }
    },
    session: () => session,
  };
})();
