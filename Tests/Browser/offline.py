"""A page opened in a browser context that is offline: every request but the allowed URLs is
logged and aborted, and the page's console messages and errors are kept. Shared by the
browser tests."""


class OfflinePage:
    def __init__(self, browser, url, allowed, requests, viewport):
        """Opens `url` in a new offline context of `viewport` (width, height) at device scale 1.
        Requests for URLs `allowed(url)` rejects go to the list `requests` and are aborted."""
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                           device_scale_factor=1, offline=True)

        def route(r):
            if allowed(r.request.url):
                r.continue_()
            else:
                requests.append(r.request.url)
                r.abort()
        self.context.route("**/*", route)
        self.page = self.context.new_page()
        self.messages = []
        self.page.on("console", lambda m: self.messages.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.messages.append(("pageerror", str(e))))
        self.page.on("request", lambda r: None if allowed(r.url) else requests.append(r.url))
        self.page.goto(url)
