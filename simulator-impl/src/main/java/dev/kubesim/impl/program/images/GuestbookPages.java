package dev.kubesim.impl.program.images;

/**
 * The files the guestbook frontend serves, in kubesim's own words: a page with the guestbook's
 * title, form and message list (its script asks {@code guestbook.php} for the messages and sends
 * new ones there), and a short PHP information page.
 */
final class GuestbookPages {
  private GuestbookPages() {}

  static final String INDEX_HTML = """
      <html ng-app="redis">
        <head>
          <title>Guestbook</title>
          <script src="https://ajax.googleapis.com/ajax/libs/angularjs/1.2.12/angular.min.js"></script>
          <script src="controllers.js"></script>
        </head>
        <body ng-controller="RedisCtrl">
          <div style="margin-left:20px;">
            <h1>Guestbook</h1>
            <form>
              <fieldset>
                <input ng-model="msg" placeholder="Messages" type="text">
                <button type="button" ng-click="controller.onRedis()">Submit</button>
              </fieldset>
            </form>
            <div>
              <div ng-repeat="msg in messages track by $index">{{msg}}</div>
            </div>
          </div>
        </body>
      </html>
      """;

  static final String CONTROLLERS_JS = """
      var app = angular.module('redis', []);

      // The messages are one comma-separated string in Redis: read it at load, write it whole.
      app.controller('RedisCtrl', function ($scope, $http) {
        $scope.controller = {
          onRedis: function () {
            $scope.messages.push($scope.msg);
            $scope.msg = "";
            $http.get("guestbook.php?cmd=set&value=" + $scope.messages.join());
          }
        };
        $http.get("guestbook.php?cmd=get").success(function (data) {
          $scope.messages = data.data.split(",");
        });
      });
      """;

  static final String GUESTBOOK_PHP = """
      <?php
      // cmd=set writes the value to the Redis leader, cmd=get reads it from a follower;
      // GET_HOSTS_FROM=env takes the Services' addresses from the environment instead of DNS.
      require __DIR__ . '/vendor/autoload.php';
      if (!isset($_GET['cmd'])) { phpinfo(); exit; }
      header('Content-Type: application/json');
      $env = getenv('GET_HOSTS_FROM') == 'env';
      if ($_GET['cmd'] == 'set') {
        $redis = new Predis\\Client(['host' => $env ? getenv('REDIS_LEADER_SERVICE_HOST') : 'redis-leader', 'port' => 6379]);
        $redis->set('guestbook', $_GET['value']);
        print('{"message": "Updated"}');
      } else {
        $redis = new Predis\\Client(['host' => $env ? getenv('REDIS_FOLLOWER_SERVICE_HOST') : 'redis-follower', 'port' => 6379]);
        print('{"data": "' . $redis->get('guestbook') . '"}');
      }
      """;

  /** phpinfo()'s page, its first table only: the version, the system and the server API. */
  static String phpInfo(String version, String hostname) {
    return "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"DTD/xhtml1-transitional.dtd\">\n"
        + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>\n<title>PHP " + version + " - phpinfo()</title>"
        + "<meta name=\"ROBOTS\" content=\"NOINDEX,NOFOLLOW,NOARCHIVE\" /></head>\n<body><div class=\"center\">\n"
        + "<table>\n<tr class=\"h\"><td>\n<h1 class=\"p\">PHP Version " + version + "</h1>\n</td></tr>\n</table>\n"
        + "<table>\n<tr><td class=\"e\">System </td><td class=\"v\">Linux " + hostname + " x86_64 </td></tr>\n"
        + "<tr><td class=\"e\">Server API </td><td class=\"v\">Apache 2.0 Handler </td></tr>\n</table>\n"
        + "</div></body></html>";
  }
}
