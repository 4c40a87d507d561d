#!/usr/bin/python3
# Prints a Word file to PDF with LibreOffice, its comments (author, text, date) drawn in the right margin as Writer
# shows them. LibreOffice 7.4's PDF export has no such option (its filter knows no ExportNotesInMargin), but printing
# does: Writer's print setting Print/Content/Note = 4 ("Place in margins"), set in a private profile. Printing needs a
# document view, so this loads the file over UNO (python3-uno) rather than with --convert-to.
# Usage: /usr/bin/python3 print-with-comments.py IN.docx OUT.pdf
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

IN_MARGINS = 4  # SwPostItMode::InMargins


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(src, out):
    profile = tempfile.mkdtemp(prefix='report-lint-lo-print-')
    os.makedirs(os.path.join(profile, 'user'))
    with open(os.path.join(profile, 'user', 'registrymodifications.xcu'), 'w') as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema">\n'
                '<item oor:path="/org.openoffice.Office.Writer/Print/Content"><prop oor:name="Note" oor:op="fuse">'
                '<value>%d</value></prop></item>\n</oor:items>\n' % IN_MARGINS)
    pipe = 'report-lint-print-%d' % os.getpid()
    office = subprocess.Popen(['soffice', '-env:UserInstallation=' + uno.systemPathToFileUrl(profile), '--headless',
                               '--invisible', '--norestore', '--nologo', '--accept=pipe,name=%s;urp;' % pipe],
                              stdout=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext('com.sun.star.bridge.UnoUrlResolver', local)
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve('uno:pipe,name=%s;urp;StarOffice.ComponentContext' % pipe)
                break
            except Exception:
                if office.poll() is not None:
                    raise SystemExit('soffice exited with %d before it accepted a connection' % office.returncode)
                time.sleep(0.5)
        if ctx is None:
            raise SystemExit('soffice did not accept a connection within 60 s')
        desktop = ctx.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), '_blank', 0,
                                           (prop('Hidden', True), prop('ReadOnly', True)))
        if doc is None:
            raise SystemExit('LibreOffice could not open ' + src)
        settings = doc.createInstance('com.sun.star.text.DocumentSettings')
        mode = settings.getPropertyValue('PrintAnnotationMode')
        if mode != IN_MARGINS:
            raise SystemExit('the profile did not set comments in margins (PrintAnnotationMode is %d)' % mode)
        doc.print((prop('FileName', uno.systemPathToFileUrl(os.path.abspath(out))), prop('Wait', True)))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes away while soffice quits
        office.wait(timeout=60)
    finally:
        if office.poll() is None:
            office.kill()
            office.wait()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        raise SystemExit('usage: print-with-comments.py IN.docx OUT.pdf')
    main(sys.argv[1], sys.argv[2])
