;;; eglot.el --- Emacs' Eglot attached to `rk lsp' -*- lexical-binding: t -*-

;; Run by tests/it/editors.rs as `emacs --batch -l eglot.el' with RK (the
;; binary), ROOT (the project), ITEM (an item file with a misspelt
;; presenter) and OUT (where the result goes) in the environment. Eglot
;; connects to `rk lsp' for ITEM, the finding arrives as a Flymake
;; diagnostic, the quick fix is applied through `eglot-code-actions', and
;; the diagnostic goes. OUT receives JSON: the diagnostics before, the
;; fixed line, the diagnostics after.

(require 'eglot)
(require 'flymake)
(require 'json)

(setq eglot-sync-connect 30
      eglot-send-changes-idle-time 0.1)

;; ROOT is the project (a user's project is usually a git repository,
;; which project.el finds by itself).
(let ((root (file-name-as-directory (getenv "ROOT"))))
  (add-hook 'project-find-functions (lambda (_dir) (cons 'transient root))))

;; The README's snippet, with the binary under test, and text-mode: a bare
;; Emacs has no markdown-mode, and the item is opened in text-mode.
(add-to-list 'eglot-server-programs
             `((markdown-mode yaml-mode yaml-ts-mode text-mode) . (,(getenv "RK") "lsp")))

(defun rk-test-wait (predicate seconds)
  "Read the server's messages and run timers until PREDICATE holds or
SECONDS pass; PREDICATE's last value."
  (let ((until (+ (float-time) seconds))
        (done nil))
    (while (and (not (setq done (funcall predicate)))
                (< (float-time) until))
      (accept-process-output nil 0.05)
      ;; Emacs in batch mode never goes idle: run the idle timers (Eglot
      ;; sends the buffer's changes from one) as an idle Emacs would.
      (dolist (timer (copy-sequence timer-idle-list))
        (timer-event-handler timer)))
    done))

(defun rk-test-describe (diagnostic)
  "DIAGNOSTIC's place (lines from 1, columns in characters from 0), type
and text."
  (let ((beg (flymake-diagnostic-beg diagnostic))
        (end (flymake-diagnostic-end diagnostic)))
    `((line . ,(line-number-at-pos beg))
      (column . ,(save-excursion (goto-char beg) (current-column)))
      (end_line . ,(line-number-at-pos end))
      (end_column . ,(save-excursion (goto-char end) (current-column)))
      (type . ,(symbol-name (flymake-diagnostic-type diagnostic)))
      (text . ,(flymake-diagnostic-text diagnostic)))))

(let ((result '()))
  (find-file (getenv "ITEM"))
  (text-mode)
  (apply #'eglot (eglot--guess-contact))
  (rk-test-wait #'flymake-diagnostics 20)
  (let ((diagnostics (flymake-diagnostics)))
    (push (cons 'before (vconcat (mapcar #'rk-test-describe diagnostics))) result)
    (when diagnostics
      (let* ((first (car diagnostics))
             (beg (copy-marker (flymake-diagnostic-beg first))))
        ;; The one quick fix there, applied without asking.
        (eglot-code-actions beg (flymake-diagnostic-end first) "quickfix" t)
        (push (cons 'line (save-excursion
                            (goto-char beg)
                            (buffer-substring-no-properties
                             (line-beginning-position) (line-end-position))))
              result))
      (rk-test-wait (lambda () (null (flymake-diagnostics))) 20)
      (push (cons 'after (vconcat (mapcar #'rk-test-describe (flymake-diagnostics))))
            result)))
  (with-temp-file (getenv "OUT")
    (insert (json-encode result)))
  (kill-emacs 0))
