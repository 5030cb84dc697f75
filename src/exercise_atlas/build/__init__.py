"""One build: what each generator says about the site (``generators``), the build object every
page shares (``pipeline``), and the standalone check that opens a build the same way (``check``)."""
