// The files `leibniz serve` sends, embedded in the binary at build time
// (cmake/embed_assets.cmake): the page from web/ and KaTeX from Debian's libjs-katex. A
// request is answered from memory, never from the file system, so no path a client
// writes can reach a file.
#pragma once

#include <string_view>
#include <vector>

namespace leibniz::serve {

struct Asset {
  std::string_view route;          ///< the URL path: "/static/app.js", "/katex/katex.min.css"
  std::string_view body;           ///< the file's bytes
  std::string_view etag;           ///< quoted, from the file's SHA-256
  std::string_view cache_control;  ///< "no-cache" for the page, a max-age for KaTeX
};

/// Every embedded file (generated source).
const std::vector<Asset>& embedded_assets();

/// The asset served at `path`, or null. "/" is the page, /static/index.html. The path is
/// compared as it is, so "/static/../x" or "/katex//katex.min.js" is no asset.
const Asset* find_asset(std::string_view path);

/// The Content-Type of a file, from its name's extension.
std::string_view content_type(std::string_view route);

}  // namespace leibniz::serve
