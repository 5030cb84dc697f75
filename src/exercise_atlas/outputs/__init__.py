"""Files a build publishes beside the pages: the package's CSS and JavaScript and the library's
JSON export (the muscle map's shared drawing is written by ``markup.map_drawing``)."""
